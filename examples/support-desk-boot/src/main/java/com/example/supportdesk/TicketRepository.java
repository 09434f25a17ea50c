package com.example.supportdesk;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, Long> {

    /** Every ticket, oldest first, with its assignee in the same query. */
    @Query("select t from Ticket t left join fetch t.assignee order by t.id")
    List<Ticket> findAllWithAssignee();
}
