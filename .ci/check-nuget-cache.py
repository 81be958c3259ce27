#!/usr/bin/python3
"""Checks that the NuGet global packages folder holds TorchSharp and libtorch exactly as restored.

Usage:  /usr/bin/python3 .ci/check-nuget-cache.py [PACKAGES_FOLDER]
        (default: $NUGET_PACKAGES, else ~/.nuget/packages; stdlib only)

Why: TorchSharp's fallback loader copies ~480 MB of natives into a `cpu/` folder next to
TorchSharp.dll when its first load fails, which is inside this folder when TorchSharp.dll is
loaded from it (notebook hosts). Our preloader (src/TorchSharpNative/) must prevent that and must
never patch a file in place. Run this before and after tests: it fails when any file under a
torchsharp* or libtorch-cpu* package folder differs from its entry in the package's own .nupkg,
is missing, or was added (e.g. a cpu/ folder).

NuGet's own bookkeeping is not compared: the .nupkg, .nupkg.sha512, .nupkg.metadata and
.signature.p7s files, and the zip-only parts [Content_Types].xml, _rels/ and package/. The
package's .nuspec is compared with the lower-cased copy NuGet extracts.
Exit status: 0 when everything matches, 1 with a list of differences, 2 on a usage error.
"""
import os
import sys
import urllib.parse
import zipfile

PACKAGE_PREFIXES = ("torchsharp", "libtorch-cpu")
ZIP_ONLY = ("[Content_Types].xml", "_rels/", "package/")
CHUNK = 1 << 20


def packages_folder():
    if len(sys.argv) > 2:
        sys.exit("usage: check-nuget-cache.py [PACKAGES_FOLDER]")
    if len(sys.argv) == 2:
        return sys.argv[1]
    return os.environ.get("NUGET_PACKAGES") or os.path.expanduser("~/.nuget/packages")


def is_bookkeeping(relative, nupkg_name):
    return relative in (nupkg_name, nupkg_name + ".sha512", ".nupkg.metadata", ".signature.p7s")


def expected_path(entry_name):
    """The path NuGet extracts a zip entry to (entry names are URI-escaped; the nuspec is lower-cased)."""
    name = urllib.parse.unquote(entry_name)
    if "/" not in name and name.lower().endswith(".nuspec"):
        return name.lower()
    return name


def same_bytes(archive, info, path):
    if os.path.getsize(path) != info.file_size:
        return False
    with archive.open(info) as packed, open(path, "rb") as extracted:
        while True:
            a = packed.read(CHUNK)
            b = extracted.read(CHUNK)
            if a != b:
                return False
            if not a:
                return True


def check_version_folder(folder, package_id, version):
    """Problems found in one <id>/<version> folder, as readable lines."""
    nupkg_name = f"{package_id}.{version}.nupkg"
    nupkg = os.path.join(folder, nupkg_name)
    if not os.path.isfile(nupkg):
        return [f"{folder}: no {nupkg_name} to compare with"]
    problems = []
    expected = set()
    with zipfile.ZipFile(nupkg) as archive:
        for info in archive.infolist():
            if info.is_dir() or info.filename.startswith(ZIP_ONLY) or info.filename == ".signature.p7s":
                continue
            relative = expected_path(info.filename)
            expected.add(relative)
            path = os.path.join(folder, relative)
            if not os.path.isfile(path):
                problems.append(f"missing:  {path}")
            elif not same_bytes(archive, info, path):
                problems.append(f"modified: {path}")
    for root, dirs, files in os.walk(folder):
        for name in files:
            relative = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if relative not in expected and not is_bookkeeping(relative, nupkg_name):
                problems.append(f"added:    {os.path.join(root, name)}")
    return problems


def main():
    root = packages_folder()
    if not os.path.isdir(root):
        print(f"check-nuget-cache: no NuGet packages folder at {root}", file=sys.stderr)
        return 2
    checked = 0
    problems = []
    for package_id in sorted(os.listdir(root)):
        if not package_id.startswith(PACKAGE_PREFIXES):
            continue
        for version in sorted(os.listdir(os.path.join(root, package_id))):
            folder = os.path.join(root, package_id, version)
            if os.path.isdir(folder):
                problems += check_version_folder(folder, package_id, version)
                checked += 1
    if checked == 0:
        print(f"check-nuget-cache: no torchsharp*/libtorch-cpu* packages under {root}", file=sys.stderr)
        return 1
    if problems:
        print(f"check-nuget-cache: {len(problems)} difference(s) from the .nupkg files under {root}:")
        for line in problems:
            print("  " + line)
        return 1
    print(f"check-nuget-cache: {checked} package folder(s) under {root} match their .nupkg files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
