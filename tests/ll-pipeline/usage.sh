ll-pipeline
echo "rc=$?"
ll-pipeline -T lots src
echo "rc=$?"
ll-pipeline -h | head -n1
