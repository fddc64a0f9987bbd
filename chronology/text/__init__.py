"""Reading agency text: kinds of contact, agency types named, phrase patterns."""
