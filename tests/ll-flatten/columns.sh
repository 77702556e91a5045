# The schemas as the man page lists them: name, type, source.
ll-flatten -c -t cloudtrail
ll-flatten --columns --table cloudwatch
