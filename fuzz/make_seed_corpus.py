#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora: OUT_DIR/<target>/<name>, one input a file.

Built at build time (fuzz/CMakeLists.txt) from the shared corpus, so its
articles are never copied into the repository:
  - a deterministic sample of pool/*.json envelopes (at most --pool-sample,
    spread over the sources, each under 8 KB so that libFuzzer's input size
    limit stays small);
  - seeds/*.txt, the plain-text page layout;
  - the same pool articles rendered in the page layout;
  - hand-made edge cases (below).
Inputs are encoded the way each entry in fuzz_entries.h reads them.

Usage: make_seed_corpus.py --corpus-dir DIR --seeds-dir DIR --out OUT_DIR
"""
import argparse
import base64
import json
import os
import shutil
import struct
import sys

TARGETS = ("envelope", "page", "extractor", "page_token")
MAX_SEED_BYTES = 8 * 1024

# Hand-made JSON envelopes: valid, edge-of-valid and broken.
EDGE_ENVELOPES = [
    b'{"id":"a","title":"T","body":"B"}',
    b'{"id":"a","body":"x"}',
    b'{"id":"a","title":"","body":"\\n\\n\\n"}',
    b'{"id":"a","title":"T","body":"B","published":"2023-02-30"}',
    b'{"id":"a","title":"T","body":"B","published":"2023-02-17T08:45:00Z","updated":"x"}',
    b'{"id":"a","title":"T","body":"B","published":"99999-01-01"}',
    b'{"id":"a","title":"T","body":"\\u00e9\\ud83d\\ude00 \\u201cquoted\\u201d \\u2014 dash"}',
    b'{"id":"a","title":"T","body":"\\ud800"}',
    b'{"id":"a","title":"T","body":"a\\u0000b"}',
    b'{"id":"a","title":1,"body":"B"}',
    b'{"id":"","body":"B"}',
    b'{"id":"../x","body":"B"}',
    b'{"id":"a","body":"B","extra":{"nested":[1,2,{"x":null}]}}',
    b'[' * 40 + b']' * 40,
    b'{"a":' * 40 + b'1' + b'}' * 40,
    b'[]',
    b'{}',
    b'{"id":"a","body":"B"',
    b'{"id":"a","body":"B"} trailing',
    b'{"id":"a","id":"b","body":"B"}',
    b'{"id":"a","body":"1e999999"}',
    b'{"id":"a","body":"Lieutenant General Jane Doe said: \\"We met in Seoul on 13 February 2023.\\""}',
]

# Hand-made page-layout values.
EDGE_PAGES = [
    b"Title only",
    b"Title\n\nBody.",
    b"Title\n\n  \xe2\x80\xa2 13 Feb. 2023 - 14 Feb. 2023\n  \xe2\x80\xa2 |\n  \xe2\x80\xa2 Last updated: 17 Feb. 2023 08:45\n\nBody.",
    b"Title\n\n  \xe2\x80\xa2 31 Feb. 2023\n\nBody.",
    b"Title\n\n  \xe2\x80\xa2 Last updated: 99 Xyz. 99999 99:99\n\nBody.",
    b"Title\n\n  \xe2\x80\xa2\n  \xe2\x80\xa2\n\n",
    b"\n\n\n\nTitle\r\n\r\nBody\r\n",
    b"Title\n\n\xe2\x80\x9cQuoted\xe2\x80\x9d, said General Kim in Seoul on Monday.",
    b"T\t\x0b\x0c\n\nb\xc2\xa0c\xe2\x80\x8bd",
    b"e\xcc\x81 combining, \xef\xac\x81 ligature, \xf0\x9f\x98\x80 emoji",
    b"\xff\xfe invalid UTF-8",
    b"\xed\xa0\x80 surrogate",
    b"\xc0\xaf overlong",
    b"   ",
    b"",
]

PAGE_TOKEN_KEYS = [b"k", b"\x00", b"\xff" * 8, b"events/000_aefde3dc521e8719", b"\x00\x00\x00\x01abc"]


def write(out_dir, target, name, data):
    with open(os.path.join(out_dir, target, name), "wb") as f:
        f.write(data)


def sample_pool(pool_dir, count):
    names = sorted(n for n in os.listdir(pool_dir) if n.endswith(".json"))
    small = [n for n in names if os.path.getsize(os.path.join(pool_dir, n)) <= MAX_SEED_BYTES]
    # Round-robin over sources (the id prefix) so each kind of article is in.
    by_source = {}
    for name in small:
        by_source.setdefault(name.split("-", 1)[0], []).append(name)
    picked = []
    for source in sorted(by_source):
        group = by_source[source]
        take = max(1, count // len(by_source))
        step = max(1, len(group) // take)
        picked += group[::step][:take]
    return picked[:count]


def as_page(article):
    parts = [article.get("title") or "Untitled"]
    if article.get("published"):
        parts.append("  \u2022 " + article["published"])
    parts.append(article.get("body") or "")
    return "\n\n".join(parts).encode("utf-8")


def page_token(fingerprint, key):
    # records.PageToken: fixed64 query_fingerprint = 1; bytes resume_key = 2.
    proto = b"\x09" + struct.pack("<Q", fingerprint)
    length = len(key)
    varint = b""
    while True:
        byte = length & 0x7F
        length >>= 7
        varint += bytes([byte | (0x80 if length else 0)])
        if not length:
            break
    proto += b"\x12" + varint + key
    return base64.urlsafe_b64encode(proto).rstrip(b"=")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", required=True)
    parser.add_argument("--seeds-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--pool-sample", type=int, default=40)
    args = parser.parse_args()

    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    for target in TARGETS:
        os.makedirs(os.path.join(args.out, target))

    pool_dir = os.path.join(args.corpus_dir, "pool")
    if not os.path.isdir(pool_dir):
        sys.exit(f"make_seed_corpus: {pool_dir} not found (set PARLEY_CORPUS_DIR)")
    for i, name in enumerate(sample_pool(pool_dir, args.pool_sample)):
        with open(os.path.join(pool_dir, name), "rb") as f:
            data = f.read()
        write(args.out, "envelope", f"pool-{name}", data)
        write(args.out, "extractor", f"pool-{name}", b"\x00" + data)
        page = as_page(json.loads(data))
        write(args.out, "page", f"pool-{name}.txt", bytes([i % 3]) + page)
        write(args.out, "extractor", f"pool-{name}.txt", b"\x00" + page)

    for name in sorted(os.listdir(args.seeds_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(args.seeds_dir, name), "rb") as f:
            data = f.read()
        write(args.out, "page", f"seed-{name}", b"\x00" + data)
        write(args.out, "extractor", f"seed-{name}", b"\x00" + data)

    for i, data in enumerate(EDGE_ENVELOPES):
        write(args.out, "envelope", f"edge-{i:02d}.json", data)
        write(args.out, "extractor", f"edge-{i:02d}.json", b"\x00" + data)
    for i, data in enumerate(EDGE_PAGES):
        for key_choice in (0, 3, 4):  # a valid id, no key, an invalid id
            write(args.out, "page", f"edge-{i:02d}-key{key_choice}.txt", bytes([key_choice]) + data)
        write(args.out, "extractor", f"edge-{i:02d}.txt", b"\x01" + data)

    tokens = [b"", b"!!!!", b"AAAA", b"A" * 4097, b"CQAAAAAAAAAAEgA"]
    for i, key in enumerate(PAGE_TOKEN_KEYS):
        for fingerprint in (0, 0x5A5A5A5A5A5A5A5A, 2**64 - 1):
            tokens.append(page_token(fingerprint, key))
        # Round-trip inputs: 8 fingerprint bytes, then the resume key.
        write(args.out, "page_token", f"roundtrip-{i:02d}", struct.pack("<Q", 0x5A5A5A5A5A5A5A5A) + key)
    for i, token in enumerate(tokens):
        write(args.out, "page_token", f"token-{i:02d}", token)


if __name__ == "__main__":
    main()
