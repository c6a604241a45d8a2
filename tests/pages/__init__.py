"""The pages, one AppTest each, through the ui package as a mediator would use them."""
