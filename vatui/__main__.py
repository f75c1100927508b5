"""`python -m vatui` runs the command line."""

from vatui.cli.entry import main

if __name__ == "__main__":
    main()
