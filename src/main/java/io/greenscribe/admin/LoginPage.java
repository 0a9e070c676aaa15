package io.greenscribe.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The form login page; Spring Security handles the POST. */
@Controller
class LoginPage {

    @GetMapping("/admin/login")
    String login() {
        return "admin/login";
    }
}
