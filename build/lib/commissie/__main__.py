from commissie.cli import main

main()
