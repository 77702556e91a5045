# Every join type, plain, with --agg and with --group, against a Python
# model of the same join, in memory and spilled: any difference is
# printed.
python3 "$TOP/tests/ll-join/lib/gen.py" 7 400
for t in inner left full semi anti; do
	for m in plain agg group; do
		case $t.$m in
		semi.agg|semi.group|anti.agg|anti.group)
			continue;;
		esac
		case $m in
		plain)	set --;;
		agg)	set -- -a t=text:data -a n=count -a f=first:timestamp \
			    -a l=last:timestamp;;
		group)	set -- -G g;;
		esac
		python3 "$TOP/tests/ll-join/lib/ref.py" $t $m >want
		for b in 256M 16K; do
			ll-join -J $t -k sessionid -o timestamp -o event_id \
			    -d event_id -b $b "$@" L R >got
			if cmp -s want got; then
				echo "$t $m -b $b: same as the model," \
				    "$(wc -l <got) rows"
			else
				echo "$t $m -b $b: differs"
				diff want got | head -5
			fi
		done
	done
done
