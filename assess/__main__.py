from assess.cli import entry

entry()
