package io.greenscribe.system;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place errors become RFC 9457 problem details (on the OpenAI-compatible {@code /v1/}
 * paths, OpenAI's error body instead: {@link OpenAiErrors}): GreenScribe's own exceptions carry their
 * status and a message written for the client; Spring MVC's own (bad parameters, wrong media
 * type, …) come from the base class; anything else is a 500 whose details stay in the log.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    @ExceptionHandler(GreenScribeException.class)
    ResponseEntity<?> greenScribe(GreenScribeException e, HttpServletRequest request) {
        if (e instanceof FieldException f && OpenAiErrors.applies(request.getRequestURI())) {
            return ResponseEntity.status(e.httpStatus())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(OpenAiErrors.body(e.httpStatus(), e.getMessage(), f.field(), f.code()));
        }
        return problem(HttpStatusCode.valueOf(e.httpStatus()), e.getMessage(), request);
    }

    /** Spring MVC's own errors (missing part, wrong media type, …) in OpenAI's shape on its paths. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, status, request);
        if (answer != null
                && answer.getBody() instanceof ProblemDetail problem
                && request instanceof ServletWebRequest servlet
                && OpenAiErrors.applies(servlet.getRequest().getRequestURI())) {
            String param = e instanceof MissingServletRequestPartException missing
                    ? missing.getRequestPartName()
                    : e instanceof MissingServletRequestParameterException missingParameter
                            ? missingParameter.getParameterName()
                            : null;
            return ResponseEntity.status(answer.getStatusCode())
                    .headers(withoutContentType(answer.getHeaders()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(OpenAiErrors.body(answer.getStatusCode().value(), problem.getDetail(), param, null));
        }
        return answer;
    }

    private static HttpHeaders withoutContentType(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        copy.remove(HttpHeaders.CONTENT_TYPE);
        return copy;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (tooManyParts(e)) {
            // Tomcat's part-count limit; Spring reports it as a size limit, which misleads
            ProblemDetail body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    "The multipart request has too many parts (form fields and files); send the file and the options only.");
            return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                "The upload is larger than this server accepts (greenscribe.jobs.max-upload-size).");
        return handleExceptionInternal(e, body, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** A body that says multipart but is not (no boundary, no closing boundary, nested, truncated). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<?> badMultipart(MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            boolean parts = tooManyParts(tooLarge);
            return problem(
                    parts ? HttpStatus.BAD_REQUEST : HttpStatus.CONTENT_TOO_LARGE,
                    parts
                            ? "The multipart request has too many parts (form fields and files); send the file and the options only."
                            : "The upload is larger than this server accepts (greenscribe.jobs.max-upload-size).",
                    request);
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "The request body is not well-formed multipart/form-data (it needs a "
                        + "boundary parameter and a closing boundary): " + rootMessage(e),
                request);
    }

    private static boolean tooManyParts(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c.getClass().getSimpleName().equals("FileCountLimitExceededException")
                    || (c.getMessage() != null
                            && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("count"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<?> concurrentChange(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(
                HttpStatus.CONFLICT,
                "The job changed while this request was handled (a worker claimed or "
                        + "finished it); read it again and retry.",
                request);
    }

    /**
     * No connection to the database (the postmaster restarting, a failover): the request may well
     * succeed in a few seconds, which a 503 with Retry-After says and a 500 does not.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<?> databaseUnreachable(DataAccessException e, HttpServletRequest request) {
        log.warn("Database unreachable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        ResponseEntity<?> problem =
                problem(HttpStatus.SERVICE_UNAVAILABLE, "The database is unreachable; try again shortly.", request);
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem.getBody());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<?> badArgument(IllegalArgumentException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; the server log has the details.", request);
    }

    static ResponseEntity<?> problem(HttpStatusCode status, String detail, HttpServletRequest request) {
        if (OpenAiErrors.applies(request.getRequestURI())) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(OpenAiErrors.body(status.value(), detail, null, null));
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).body(body);
    }
}
