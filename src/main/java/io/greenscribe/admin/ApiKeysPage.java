package io.greenscribe.admin;

import io.greenscribe.system.security.ApiKeys;
import io.greenscribe.system.security.IssuedKey;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console tenant's API keys: issue (the secret is shown once, on the page the redirect lands
 * on, from a flash attribute that the next request no longer has), list, revoke. Only the console's
 * admin user reaches it, through the console's filter chain.
 */
@Controller
@RequiredArgsConstructor
class ApiKeysPage {

    private final ApiKeys keys;
    private final ConsoleTenant tenant;
    private final ConsoleFormat fmt;

    @GetMapping("/admin/keys")
    String list(Model model) {
        model.addAttribute("keys", keys.keys(tenant.id()));
        model.addAttribute("tenant", tenant.name());
        return "admin/keys";
    }

    @PostMapping("/admin/keys")
    String issue(@RequestParam(defaultValue = "false") boolean admin, RedirectAttributes flash) {
        IssuedKey issued = keys.issue(tenant.id(), admin);
        flash.addFlashAttribute("issued", issued);
        return "redirect:/admin/keys";
    }

    @PostMapping("/admin/keys/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes flash) {
        if (keys.revoke(tenant.id(), id)) {
            flash.addFlashAttribute("message", fmt.text("keys.revoked"));
        } else {
            flash.addFlashAttribute("error", fmt.text("keys.notLive"));
        }
        return "redirect:/admin/keys";
    }
}
