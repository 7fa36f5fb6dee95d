def events_view(*a, **k):
    raise NotImplementedError


def results_vs_official(*a, **k):
    raise NotImplementedError
