// Hibernate ORM and a database at head, but no @Entity class: one line saying what autogenerate reads.
def failsInOneLine = evaluate(new File(basedir, '../it-parent/fails-in-one-line.groovy'))
failsInOneLine(basedir, 'Autogenerate found no @Entity class: target/classes/META-INF/migrate/entities.list, which'
        + ' migrate-processor writes at compile time, is missing or empty. Annotate the JPA entities with'
        + ' @jakarta.persistence.Entity and compile with dev.migrate:migrate-processor in the compiler\'s'
        + ' annotationProcessorPaths.', ['it/db/CreateAgents.java'])
