package io.hashdesk.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jboss.resteasy.reactive.RestForm;

/** What a new operator types on /register. */
public class RegistrationForm {

    @RestForm
    @NotBlank(message = "Enter your email address.")
    @Email(message = "Enter a valid email address, like name@example.com.")
    @Size(max = 254, message = "An email address has at most 254 characters.")
    public String email;

    @RestForm
    @NotBlank(message = "Choose a password.")
    @Size(min = 12, message = "Use at least 12 characters.")
    public String password;

    @RestForm
    public String confirm;
}
