package io.greenscribe.admin;

import io.greenscribe.system.GreenScribeException;
import io.greenscribe.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A console page that cannot be shown answers with a page in words, not the API's problem JSON. */
@ControllerAdvice(
        assignableTypes = {
            JobPages.class,
            DevicePage.class,
            CarbonPage.class,
            SearchPage.class,
            BatchPages.class,
            ProblemsPage.class,
            ApiKeysPage.class,
            RecurringPage.class
        })
class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("error", e.getMessage());
        return "admin/error";
    }

    @ExceptionHandler(GreenScribeException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(GreenScribeException e, Model model) {
        model.addAttribute("error", e.getMessage());
        return "admin/error";
    }
}
