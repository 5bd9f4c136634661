"""Panel: who hears a case (chair from another corps, conflicts of interest, fair load)."""
