// Entities but no Hibernate ORM on the project's class path: one line naming the dependency to add.
def failsInOneLine = evaluate(new File(basedir, '../it-parent/fails-in-one-line.groovy'))
failsInOneLine(basedir, "Autogenerate reads JPA entities with Hibernate ORM, which is not on the project's class path."
        + " Add org.hibernate.orm:hibernate-core (6.x or 7.x; Spring Boot's spring-boot-starter-data-jpa brings it) to the"
        + " project's dependencies.", ['it/model/Agent.java'])
