"""commissie: zaaksysteem voor de gezamenlijke klachtencommissie ongewenste omgangsvormen."""
