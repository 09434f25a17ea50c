package com.example.supportdesk.model;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

/** One survey per ticket, rated 1 to 5; the table {@code create satisfaction surveys} made. */
@Entity
@Table(name = "satisfaction_surveys",
        uniqueConstraints = @UniqueConstraint(name = "uq_surveys_ticket", columnNames = "ticket_id"),
        check = @CheckConstraint(name = "ck_surveys_rating", constraint = "rating BETWEEN 1 AND 5"))
public class SatisfactionSurvey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, foreignKey = @ForeignKey(name = "fk_surveys_ticket"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Ticket ticket;

    @Column(name = "rating", nullable = false)
    private Short rating;

    @Column(name = "feedback", length = 2000)
    private String feedback;

    @Column(name = "submitted_at", nullable = false)
    @ColumnDefault("CURRENT_TIMESTAMP")
    private LocalDateTime submittedAt;
}
