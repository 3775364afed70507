#!/usr/bin/env python3
"""The checks of scripts/check-package.sh that read XML or roff:

  check-package-files.py metainfo FILE VERSION SCREENSHOT_DIR
      the newest <release> is VERSION; every screenshot's file name is in SCREENSHOT_DIR
  check-package-files.py policy FILE EXEC_PATH
      one polkit action: auth_admin_keep for the active session, exec.path EXEC_PATH,
      allow_gui true, a description and a message
  check-package-files.py manpage FILE.gz COMMAND OPTION...
      the manual has a ".SS COMMAND" section naming every OPTION
Exits 1 with the reason on the first failure.
"""
import gzip
import os
import re
import sys
import xml.etree.ElementTree as ET


def fail(text):
    print(f"check-package-files: FAIL: {text}", file=sys.stderr)
    sys.exit(1)


def check_metainfo(path, version, screenshot_dir):
    root = ET.parse(path).getroot()
    releases = root.findall("./releases/release")
    if not releases or releases[0].get("version") != version:
        fail(f"{path}: the newest release is not {version}")
    images = [i.text.strip() for i in root.findall("./screenshots/screenshot/image")]
    if not images:
        fail(f"{path}: no screenshots")
    for url in images:
        name = url.rsplit("/", 1)[-1]
        if not url.startswith("https://") or not os.path.isfile(os.path.join(screenshot_dir, name)):
            fail(f"{path}: screenshot {url} is not an https URL of a file in {screenshot_dir}/")


def check_policy(path, exec_path):
    root = ET.parse(path).getroot()
    if root.tag != "policyconfig":
        fail(f"{path}: the root element is {root.tag}, not policyconfig")
    actions = root.findall("action")
    if len(actions) != 1 or not actions[0].get("id"):
        fail(f"{path}: wants exactly one action with an id")
    action = actions[0]
    for tag in ("description", "message"):
        if not (action.findtext(tag) or "").strip():
            fail(f"{path}: the action has no {tag}")
    active = action.findtext("defaults/allow_active")
    if active != "auth_admin_keep":
        fail(f"{path}: allow_active is {active}, not auth_admin_keep")
    notes = {a.get("key"): (a.text or "").strip() for a in action.findall("annotate")}
    if notes.get("org.freedesktop.policykit.exec.path") != exec_path:
        fail(f"{path}: exec.path is {notes.get('org.freedesktop.policykit.exec.path')}, not {exec_path}")
    if notes.get("org.freedesktop.policykit.exec.allow_gui") != "true":
        fail(f"{path}: exec.allow_gui is not true")


def check_manpage(path, command, options):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        text = f.read()
    # Plain text of the roff: "\-" is a hyphen, font escapes go.
    text = re.sub(r"\\f[BIRP]", "", text.replace("\\-", "-"))
    sections = re.split(r"^\.S[SH] ", text, flags=re.M)
    section = next((s for s in sections if s.split(" ", 1)[0].strip() == command), None)
    if section is None:
        fail(f"{path}: no '.SS {command}' section")
    for option in options:
        if not re.search(re.escape(option) + r"(?![a-z-])", section):
            fail(f"{path}: the {command} section does not name {option}")


def main(argv):
    if len(argv) >= 5 and argv[1] == "metainfo":
        check_metainfo(argv[2], argv[3], argv[4])
    elif len(argv) == 4 and argv[1] == "policy":
        check_policy(argv[2], argv[3])
    elif len(argv) >= 4 and argv[1] == "manpage":
        check_manpage(argv[2], argv[3], argv[4:])
    else:
        fail("usage: see the docstring")


if __name__ == "__main__":
    main(sys.argv)
