import groovy.json.JsonSlurper

def json(String name) { new JsonSlurper().parse(new File(basedir, 'target/' + name)) }

def up = json('up.json')
assert up.goal == 'upgrade' && up.target == 'ae10' && up.success
assert up.before == [] && up.after == ['ae1027a6acf0']
assert up.revisions*.id == ['1975ea83b712', '3a4f5c6d7e80', 'ae1027a6acf0']
assert up.revisions*.direction == ['up', 'up', 'up']
assert up.revisions.every { it.durationMs >= 0 } && up.durationMs >= 0
assert up.failure == null

def failed = json('failed.json')
assert !failed.success
assert failed.before == ['ae1027a6acf0'] && failed.after == ['ae1027a6acf0']
assert failed.revisions == []
assert failed.failure.revision == 'b0b0c0c0d0d0'
assert failed.failure.statement.contains('INSERT INTO no_such_table VALUES (1)')
assert failed.failure.sqlState != null
assert failed.failure.message.contains('b0b0c0c0d0d0')

def stamp = json('stamp.json')
assert stamp.goal == 'stamp' && stamp.success && stamp.before == ['ae1027a6acf0'] && stamp.after == ['3a4f5c6d7e80']
assert stamp.revisions == []

def down = json('down.json')
assert down.goal == 'downgrade' && down.success && down.before == ['3a4f5c6d7e80'] && down.after == []
assert down.revisions*.id == ['3a4f5c6d7e80', '1975ea83b712']
assert down.revisions*.direction == ['down', 'down']
