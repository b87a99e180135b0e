#!/usr/bin/env python3
"""Rebuild mentions.tsv from the extractor output and annotations.py.

  build/tools/parley-extract $(ls ../shared/corpus/pool/*.json | LC_ALL=C sort) > /tmp/out.jsonl   # from the repository root
  python3 eval/identity-gold/build_mentions.py /tmp/out.jsonl ../shared/corpus/pool > eval/identity-gold/mentions.tsv
Line i of the extractor output belongs to the i-th file given (byte-sorted file names).
"""
import collections, glob, json, os, random, re, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import annotations as A

SAMPLE_SEED, SAMPLE_SIZE = 7, 160

def slug(s):
    s = ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c))
    return re.sub(r'[^a-z0-9]+', '-', s.lower()).strip('-')

def main(out_path, pool_dir):
    files = sorted(glob.glob(os.path.join(pool_dir, '*.json')))
    lines = open(out_path, encoding='utf-8').read().splitlines()
    assert len(files) == len(lines), (len(files), len(lines))
    occ = collections.defaultdict(set)            # served name -> article ids
    for f, line in zip(files, lines):
        aid = os.path.basename(f)[:-5]
        for p in json.loads(line).get('participants', []):
            occ[p['name']].add(aid)
    label = {n: lab for lab, ns in A.G.items() for n in ns}
    for n in A.SURNAME_ONLY:
        label[n] = A.SPECIAL[n]
    # Seeded permutation of ALL served names (code-point order first), so that later hand
    # decisions do not reshuffle the sample; the first SAMPLE_SIZE names not labelled above
    # and not in ERRORS form the random single-form sample.
    everyone = sorted(occ)
    random.seed(SAMPLE_SEED)
    sample = [n for n in random.sample(everyone, len(everyone))
              if n not in label and n not in A.ERRORS][:SAMPLE_SIZE]
    for n in sample:
        label[n] = A.SPECIAL.get(n) or slug(n)
        assert label[n] not in A.G, n                 # a sampled person never reuses a hand label
    if os.environ.get('SHOW_SAMPLE'):
        for n in sorted(set(label) - {m for ns in A.G.values() for m in ns}):
            print(len(occ[n]), n, label[n], sep='\t', file=sys.stderr)
    rows = sorted((label[n], a, n) for n in label for a in occ[n])
    print('# Parley identity answer set: which served participant names denote the same real person.')
    print('# Built by hand from the extractor output over ../shared/corpus/pool (extractor_version 4); see README.md.')
    print('# Format: article_id<TAB>served name<TAB>person label.  One line per (article, served name) pair;')
    print('# every pool occurrence of a listed served name is listed.  Same label = same real person.')
    print('# Lines starting with # are comments.')
    for lab, a, n in rows:
        print(f'{a}\t{n}\t{lab}')

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
