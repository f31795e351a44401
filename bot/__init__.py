"""Nurture: supportive infant mental health signposting for parents."""
