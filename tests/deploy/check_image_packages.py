#!/usr/bin/env python3
"""deploy/Dockerfile's build stage installs exactly the build packages of
scripts/setup.sh and configures CMake with the same generator and build type,
so the image is built the way the tests' binaries are.

Usage: check_image_packages.py SOURCE_DIR
"""
import re
import sys
from pathlib import Path


def setup_build_packages(text):
    body = re.search(r"^build_packages=\((.*?)^\)", text, re.M | re.S).group(1)
    return set(re.sub(r"#.*", "", body).split())


def dockerfile_build_packages(text):
    stage = text.split("FROM ${BASE_IMAGE} AS build", 1)[1].split("\nFROM ", 1)[0]
    install = re.search(r"apt-get install ([^&]*?)\s*&&", stage, re.S).group(1)
    words = install.replace("\\\n", " ").split()
    return {w for w in words if not w.startswith("-") and w != "\\"}


def main():
    source = Path(sys.argv[1])
    setup = (source / "scripts/setup.sh").read_text()
    dockerfile = (source / "deploy/Dockerfile").read_text()
    failures = []
    wanted, installed = setup_build_packages(setup), dockerfile_build_packages(dockerfile)
    if wanted != installed:
        failures.append(f"only in scripts/setup.sh: {sorted(wanted - installed)}; "
                        f"only in deploy/Dockerfile: {sorted(installed - wanted)}")
    build_type = re.search(r'CMAKE_BUILD_TYPE="\$\{PARLEY_BUILD_TYPE:-(\w+)\}"', setup).group(1)
    for option in ("-G Ninja", f"-DCMAKE_BUILD_TYPE={build_type}"):
        if option not in dockerfile or option.split("=")[0] not in setup:
            failures.append(f"CMake option {option} differs between setup.sh and the Dockerfile")
    for failure in failures:
        print("FAIL " + failure)
    if not failures:
        print(f"{len(wanted)} build packages and the CMake options agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
