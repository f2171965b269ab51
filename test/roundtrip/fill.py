"""Fills a template the way another program would: openpyxl (not exceljs) writes
values into the cells the workbook's defined names point at, and into plain
addresses for the month rows. Run with /usr/bin/python3 (openpyxl 3.0).

stdin: {"in": path, "out": path, "names": {name: value}, "cells": [[sheet, "B5", value]]}
A value is a JSON scalar, or {"date": "YYYY-MM-DD"} for a real date cell, or
{"text": "=1+1"} for a text that must stay text although it looks like a formula.
"""
import datetime
import json
import sys

import openpyxl


def put(cell, value):
    if isinstance(value, dict) and "date" in value:
        cell.value = datetime.datetime.strptime(value["date"], "%Y-%m-%d")
    elif isinstance(value, dict) and "text" in value:
        cell.value = value["text"]
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    else:
        cell.value = value


job = json.load(sys.stdin)
wb = openpyxl.load_workbook(job["in"])
for name, value in job.get("names", {}).items():
    dn = wb.defined_names[name]
    dests = list(dn.destinations)
    if len(dests) != 1:
        sys.exit("name %s has %d destinations" % (name, len(dests)))
    sheet, ref = dests[0]
    put(wb[sheet][ref.replace("$", "")], value)
for sheet, ref, value in job.get("cells", []):
    put(wb[sheet][ref], value)
wb.save(job["out"])
