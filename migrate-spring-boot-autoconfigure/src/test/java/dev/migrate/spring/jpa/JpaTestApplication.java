package dev.migrate.spring.jpa;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Makes this package the one Spring Boot's JPA auto-configuration scans for entities, as an application's main class does. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class JpaTestApplication {
}
