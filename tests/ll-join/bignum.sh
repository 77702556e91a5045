# Integers past 64 bits do not stop a join, in memory or spilled: a left
# record kept whole keeps them; values that are re-written become reals
# (with every integer of that record), as ll-splitjson -p does.
printf '{"k":1,"big":123456789012345678901234567890}\n{"k":2}\n' >left
printf '{"k":1,"rbig":98765432109876543210987654321,"n":5}\n' >right
for b in 256M 0; do
	ll-join -J left -k k -b $b left right
	ll-join -J left -k k -b $b -G g left right
	ll-join -J full -k rbig -b $b -a n=count left right
done
