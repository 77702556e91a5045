# Test rows for ll-partition: python3 readready-rows.py DAY:FIRST-LAST ... writes
# one flattened-looking row per event id, its calendarday DAY.
import sys
for arg in sys.argv[1:]:
    day, ids = arg.split(':')
    a, b = ids.split('-')
    for i in range(int(a), int(b) + 1):
        print('{"eventid":"e-%d","calendarday":"%s","eventname":"Event%d",'
              '"useragent":"%s"}' % (i, day, i, 'x' * (i % 50)))
