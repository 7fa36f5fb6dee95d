def extract_results(text, ctx, ref):
    return []
