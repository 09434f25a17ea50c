package it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class SupportTicket {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    String subjectLine;
}
