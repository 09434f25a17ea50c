package com.example.supportdesk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A customer's request (table {@code ticket}, revision 2b3c4d5e6f70). */
@Entity
public class Ticket {

    /** Where a ticket stands; stored by name. */
    public enum Status { OPEN, RESOLVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignee_id")
    private Agent assignee;

    @Column(nullable = false)
    private Instant createdAt;

    protected Ticket() {
    }

    public Ticket(String subject, Agent assignee, Instant createdAt) {
        this.subject = subject;
        this.assignee = assignee;
        this.status = Status.OPEN;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public Status getStatus() {
        return status;
    }

    public Agent getAssignee() {
        return assignee;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
