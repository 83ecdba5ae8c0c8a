; "Open with Opsdeck" for .ndjson.gz and .manifest.json audit exports. Windows matches only a
; file's last extension, so Opsdeck joins the Open with list of .gz and .json (OpenWithProgids)
; without taking them over; .ndjson itself is associated by electron-builder.yml, whose ProgID
; (the association's name) these entries point to.
!macro customInstall
  WriteRegNone SHELL_CONTEXT "Software\Classes\.gz\OpenWithProgids" "Opsdeck.AuditExport"
  WriteRegNone SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "Opsdeck.AuditExport"
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.gz\OpenWithProgids" "Opsdeck.AuditExport"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.json\OpenWithProgids" "Opsdeck.AuditExport"
!macroend
