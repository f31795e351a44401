"""The public chat page (port 8080): the self-hosted website widget and its partner embed."""
