package dev.migrate.hibernate;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's implicit naming (its {@code SpringImplicitNamingStrategy}), written again here so
 * that reading a Spring project's entities does not need Spring on migrate's class path: JPA's
 * rules, except that a join table is named after the owning table and the owning attribute
 * ({@code ticket_tags}) instead of both entity names.
 */
final class SpringImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

    private static final long serialVersionUID = 1L;

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}
