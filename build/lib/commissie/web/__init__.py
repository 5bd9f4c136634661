"""Server-rendered Dutch pages for the people who use the system."""
