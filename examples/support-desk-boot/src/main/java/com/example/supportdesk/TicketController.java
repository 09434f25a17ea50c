package com.example.supportdesk;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /tickets} lists the tickets; {@code POST /tickets} opens one. */
@RestController
@RequestMapping("/tickets")
public class TicketController {

    /** What a client sends to open a ticket; {@code assigneeId} may be left out. */
    public record NewTicket(String subject, Long assigneeId) {
    }

    /** A ticket as the API shows it. */
    public record TicketView(long id, String subject, String status, String assignee, Instant createdAt) {

        static TicketView of(Ticket ticket) {
            return new TicketView(ticket.getId(), ticket.getSubject(), ticket.getStatus().name(),
                    ticket.getAssignee() == null ? null : ticket.getAssignee().getName(), ticket.getCreatedAt());
        }
    }

    private final TicketRepository tickets;
    private final AgentRepository agents;

    public TicketController(TicketRepository tickets, AgentRepository agents) {
        this.tickets = tickets;
        this.agents = agents;
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<TicketView> list() {
        return tickets.findAllWithAssignee().stream().map(TicketView::of).toList();
    }

    @PostMapping
    @Transactional
    public ResponseEntity<TicketView> open(@RequestBody NewTicket request) {
        if (request.subject() == null || request.subject().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "subject must not be blank");
        }
        if (request.subject().length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "subject must be at most 200 characters (it has " + request.subject().length() + ")");
        }
        Agent assignee = request.assigneeId() == null ? null : agents.findById(request.assigneeId()).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no agent with id " + request.assigneeId()));
        Ticket ticket = tickets.save(new Ticket(request.subject().strip(), assignee, Instant.now()));
        return ResponseEntity.created(URI.create("/tickets/" + ticket.getId())).body(TicketView.of(ticket));
    }
}
