# The terminal table: aligned columns laid out from the first rows, long
# cells cut (principals in the middle), nulls as "-", and nothing in a
# cell can drive the terminal: control characters, C1 controls and the
# bidirectional overrides are shown as escapes.  In a UTF-8 locale
# other characters are shown; in the C locale they are escapes too.
cat >in <<'X'
{"eventtime":"2026-03-01T10:00:00Z","eventname":"\u001b[31mred\u001b[0m\u0007","sourceipaddress":"10.0.3.17","useridentity_arn":"arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_9755d4c13a902931/alice"}
{"eventtime":"2026-03-01T10:00:01Z","eventname":"a\nb\tc\rd\\e\u007f\u0085","sourceipaddress":"10.0.3.17","awsregion":"caf\u00e9"}
{"eventtime":"2026-03-01T10:00:02Z","eventname":"\u202eevil\u2066x\u200f","sourceipaddress":"10.0.3.17","errorcode":"AccessDenied"}
X
ll-timeline -T cloudtrail -g 10.0.3.17 -o table in
echo "rc=$?"
LC_ALL=C.UTF-8 ll-timeline -T cloudtrail -g 10.0.3.17 -o table in
# Never a raw control byte in the output.
LC_ALL=C.UTF-8 ll-timeline -T cloudtrail -o table in |
    LC_ALL=C grep -c "$(printf '[\001-\011\013-\037\177]')"
