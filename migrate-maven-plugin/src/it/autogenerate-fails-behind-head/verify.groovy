// The database never ran the code's revision: one line saying to upgrade first; no revision written.
def failsInOneLine = evaluate(new File(basedir, '../it-parent/fails-in-one-line.groovy'))
failsInOneLine(basedir, 'The database is at base (no revision applied), the code\'s head is 5b6c7d8e9f01: run mvn'
        + ' migrate:upgrade first, then autogenerate.', ['it/db/CreateAgents.java', 'it/model/Agent.java'])
