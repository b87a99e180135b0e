#!/usr/bin/env python3
"""B-cubed precision/recall of a predicted identity clustering against mentions.tsv.

Usage:
  python3 score_baseline.py mentions.tsv                # baseline: today's behaviour
  python3 score_baseline.py mentions.tsv predicted.tsv  # any other prediction

A mention is one (article_id, served name) line of mentions.tsv; its gold cluster is the
set of mentions with the same person label.  predicted.tsv has lines
article_id<TAB>served name<TAB>predicted cluster id ('#' lines are comments); a mention
missing from it falls back to the baseline key.  The baseline key of a mention is its
served name lower-cased, with accents removed (NFKD, combining marks dropped),
punctuation (Unicode category P*) deleted and whitespace collapsed -- i.e. today each
spelling is its own participant.

B-cubed (Bagga & Baldwin 1998), averaged over gold mentions, with predicted clusters
restricted to the mentions of the gold set:
  P = mean over m of |pred(m) & gold(m)| / |pred(m)|
  R = mean over m of |pred(m) & gold(m)| / |gold(m)|
Reference implementation only; the project scorer is to be written in C++.
"""
import collections, sys, unicodedata

def baseline_key(name):
    s = unicodedata.normalize('NFKD', name.lower())
    s = ''.join(c for c in s if not unicodedata.combining(c) and not unicodedata.category(c).startswith('P'))
    return ' '.join(s.split())

def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                a, n, lab = line.rstrip('\n').split('\t')
                yield (a, n), lab

def bcubed(gold, pred):
    """gold, pred: dict mention -> cluster id (same keys). Returns (P, R, F1)."""
    def clusters(m):
        c = collections.defaultdict(set)
        for k, v in m.items():
            c[v].add(k)
        return c
    gc, pc = clusters(gold), clusters(pred)
    p = r = 0.0
    for m in gold:
        g, q = gc[gold[m]], pc[pred[m]]
        both = len(g & q)
        p += both / len(q)
        r += both / len(g)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r)

def main(argv):
    gold = dict(read_tsv(argv[1]))
    given = dict(read_tsv(argv[2])) if len(argv) > 2 else {}
    pred = {m: given.get(m, 'baseline:' + baseline_key(m[1])) for m in gold}
    p, r, f = bcubed(gold, pred)
    print(f'mentions {len(gold)}  gold people {len(set(gold.values()))}  predicted clusters {len(set(pred.values()))}')
    print(f'B-cubed precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}')

if __name__ == '__main__':
    main(sys.argv)
