"""A visitor's own records: a CSV, XLSX or GeoJSON file becomes an Atlas shown alone or beside the bundled one.

Steps: `read_upload` (size, type, encoding, separator, Excel cells -> text rows; `read`), `guess_mapping`
(which column is the place, the country, the date...; `columns`), `process` (normalise, geocode offline,
write the accepted rows as a temporary data package and load it with `load_atlas`, so the package's own rules
apply; `records`), then the rejected rows, the clean table and the package (`report`); the bundled atlas and
the visitor's are merged by `mapdata.atlas.merge`. Every rejected row is reported with row, column, value and
reason; accepted + rejected = uploaded. Uploaded places are "your data": each is listed in a network of its
own, "Your data: <file>" (legend, layer switch and network filter show it), and each fact cites a source
marked as yours.
"""
from mapdata.upload.columns import TARGETS, TEMPLATE, country_code, guess_mapping, normalise_date
from mapdata.upload.read import MAX_BYTES, MAX_MB, MAX_ROWS, Upload, UploadError, read_upload
from mapdata.upload.records import FILE_SOURCE, LIST_ID, Ambiguity, Settings, UploadResult, process
from mapdata.upload.report import clean_frame, package_zip, report_frame

__all__ = ["TARGETS", "TEMPLATE", "country_code", "guess_mapping", "normalise_date", "MAX_BYTES", "MAX_MB",
           "MAX_ROWS", "Upload", "UploadError", "read_upload", "FILE_SOURCE", "LIST_ID", "Ambiguity", "Settings",
           "UploadResult", "process", "clean_frame", "package_zip", "report_frame"]
