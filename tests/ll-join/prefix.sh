# Plain joins keep the left record's fields and add the right record's
# others; --right-prefix renames every right field instead, also in the
# right-only rows of a full join.
cat >left <<'END'
{"k":1,"day":"2026-03-01","who":"alice"}
END
cat >right <<'END'
{"k":1,"day":"2026-03-02","cmd":"ls"}
{"k":2,"day":"2026-03-02","cmd":"pwd"}
END
ll-join -J full -k k left right
ll-join -J full -k k -p r_ left right
