"""``benchmarks.timing.alongside``: the baseline's runs spread among ours, each side timed the number of times asked."""

from benchmarks.timing import alongside


def _calls(times: int, theirs_times: int, warmup: int = 0) -> tuple[str, int, int]:
    order: list[str] = []
    ours, theirs = alongside(lambda: order.append("o"), lambda: order.append("t"), times, theirs_times, warmup)
    return "".join(order), len(ours), len(theirs)


def test_the_baseline_runs_among_ours():
    assert _calls(5, 2) == ("oootoot", 5, 2)
    assert _calls(3, 3) == ("ototot", 3, 3)
    assert _calls(5, 2, warmup=1) == ("ot" + "oootoot", 5, 2)  # each side warmed once, untimed


def test_more_baseline_runs_than_ours_are_all_timed():
    assert _calls(1, 2) == ("ott", 1, 2)
    assert _calls(0, 2) == ("tt", 0, 2)
