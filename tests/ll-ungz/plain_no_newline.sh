# Plain input passes through; a missing final newline is added per file.
printf '{"a":1}' >a
printf '{"b":2}\n' >b
ll-ungz a b
