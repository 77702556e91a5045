# The schemas as the man page lists them: name, type, source.
ll-flatten -l -T cloudtrail
ll-flatten --columns --table cloudwatch
