package com.engagementledger.platform.console;

import com.engagementledger.platform.security.Roles;
import com.engagementledger.platform.web.BrowserPages;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start page: what each role finds here and where to begin. */
@Controller
@BrowserPages
@Hidden
@RolesAllowed({Roles.ACCOUNT_MANAGER, Roles.FINANCE, Roles.AUDITOR, Roles.ADMIN})
public class HomeController {

    @GetMapping("/")
    public String home() {
        return "home";
    }
}
