package com.example.supportdesk.model;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/**
 * A ticket: who asked, which agent works on it, how urgent it is, how long it took. The table
 * {@code create tickets} made, with the priority, status check and resolution time the later
 * revisions added.
 */
@Entity
@Table(name = "tickets",
        indexes = {
            @Index(name = "ix_tickets_assignee", columnList = "assignee_id"),
            @Index(name = "ix_tickets_priority", columnList = "priority, status")
        },
        check = {
            @CheckConstraint(name = "ck_tickets_priority", constraint = "priority BETWEEN 1 AND 4"),
            @CheckConstraint(name = "ck_tickets_status", constraint = "status IN ('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')")
        })
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subject", nullable = false, length = 200)
    private String subject;

    @Column(name = "body", length = 4000)
    private String body;

    @Column(name = "status", nullable = false, length = 20)
    @ColumnDefault("'OPEN'")
    private String status;

    /** Deleting a customer deletes what they asked. */
    @ManyToOne(optional = false)
    @JoinColumn(name = "requester_id", nullable = false, foreignKey = @ForeignKey(name = "fk_tickets_requester"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private User requester;

    /** The agent working on it; deleting the agent unassigns the ticket, it never deletes it. */
    @ManyToOne
    @JoinColumn(name = "assignee_id", foreignKey = @ForeignKey(name = "fk_tickets_assignee"))
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private User assignee;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("CURRENT_TIMESTAMP")
    private LocalDateTime createdAt;

    @Column(name = "resolved_at")
    private LocalDateTime resolvedAt;

    /** 1 (urgent) to 4 (low). */
    @Column(name = "priority", nullable = false)
    @ColumnDefault("3")
    private Short priority;

    @Column(name = "resolution_minutes")
    private Integer resolutionMinutes;
}
