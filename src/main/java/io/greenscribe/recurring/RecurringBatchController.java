package io.greenscribe.recurring;

import io.greenscribe.system.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Recurring batches: "every night, all files in this folder, finished by 07:00". */
@RestController
@RequestMapping("/api/v1/recurring-batches")
@Tag(name = "Recurring batches", description = "\"Every night, all files in this folder, finished by 07:00\"")
@RequiredArgsConstructor
class RecurringBatchController {

    private final RecurringBatchService recurring;

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a recurring batch", operationId = "createRecurringBatch")
    @ApiResponse(responseCode = "201", description = "Created, with its next window")
    ResponseEntity<RecurringBatchView> create(
            @AuthenticationPrincipal Caller caller, @RequestBody RecurringBatchRequest body) {
        RecurringBatchView created = recurring.create(caller.tenantId(), body);
        return ResponseEntity.created(URI.create("/api/v1/recurring-batches/" + created.id()))
                .body(created);
    }

    /** The tenant's recurring batches, newest first, each with its latest occurrence. */
    @GetMapping
    @Operation(summary = "List recurring batches", operationId = "listRecurringBatches")
    List<RecurringBatchView> list(@AuthenticationPrincipal Caller caller) {
        return recurring.list(caller.tenantId());
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Get a recurring batch",
            operationId = "getRecurringBatch",
            description = "Its settings, next window and latest occurrences (each a batch).")
    RecurringBatchView get(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Parameter(description = "How many of the latest occurrences to include", example = "10")
                    @RequestParam(defaultValue = "10")
                    int occurrences) {
        return recurring.get(caller.tenantId(), id, occurrences);
    }

    /** Stops it: no further occurrences; batches already submitted run on and the history stays. */
    @DeleteMapping("/{id}")
    @Operation(
            summary = "Stop a recurring batch",
            operationId = "stopRecurringBatch",
            description = "No further occurrences; batches already submitted run on and the history stays.")
    RecurringBatchView stop(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return recurring.stop(caller.tenantId(), id);
    }

    // The shared handler answers a bad body with "Failed to read request"; name the field instead.
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String detail;
        if (e.getMostSpecificCause() instanceof UnrecognizedPropertyException u) {
            detail = "Unknown field '" + u.getPropertyName() + "'; known: " + u.getKnownPropertyIds() + ".";
        } else if (e.getMostSpecificCause() instanceof JacksonException j) {
            detail = "The body is not a valid recurring batch: " + j.getOriginalMessage();
        } else {
            detail = "The body must be a JSON recurring batch.";
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.badRequest().body(body);
    }
}
