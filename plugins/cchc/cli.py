"""`cchc`: the editors' and IT staff's commands. Each subcommand lives in cchc/commands/."""
from __future__ import annotations

import importlib
import sys

from .adapter.project import ProjectError, load_settings
from .cli_parser import VietnameseArgumentParser

# subcommand name -> module in cchc.commands
COMMANDS = {
    "new": "new",
    "check": "check",
    "import-tthc": "import_tthc",
    "import-docx": "import_docx",
    "report": "report",
    "init": "init",
    "tong-hop": "tong_hop",
}


def parser() -> VietnameseArgumentParser:
    main = VietnameseArgumentParser(prog="cchc", description="Công cụ chuyên mục Cải cách hành chính.")
    sub = main.add_subparsers(dest="command", required=True, metavar="LỆNH", title="các lệnh")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f"cchc.commands.{module_name}")
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        command.add_argument("-f", "--config-file", default="mkdocs.yml",
                             metavar="TỆP", help="tệp cấu hình MkDocs (mặc định: mkdocs.yml)")
        module.add_arguments(command)
        command.set_defaults(module=module)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not getattr(args.module, "NEEDS_PROJECT", True):  # cchc init (no mkdocs.yml yet), tong-hop (other agencies' exports)
        return args.module.run(args)
    try:
        settings = load_settings(args.config_file)
    except ProjectError as exc:
        print(exc, file=sys.stderr)
        return 2
    return args.module.run(args, settings)


if __name__ == "__main__":
    sys.exit(main())
