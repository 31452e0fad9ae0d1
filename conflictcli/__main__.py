from conflictcli.cli import main

main()
