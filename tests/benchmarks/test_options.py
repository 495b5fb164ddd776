"""The benchmark's options: ``--only app`` runs the app cases alone (no ingest, queries or pandas load)."""

from benchmarks import run


def test_only_app_is_an_option_beside_no_app():
    args = run.parser().parse_args(["--scale", "national", "--only", "app", "--no-first-start"])
    assert args.only == "app" and not args.no_app and args.first_start is False
    assert run.parser().parse_args([]).only is None
