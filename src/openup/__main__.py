from openup.cli import main

main()
